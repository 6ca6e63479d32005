package io.smartsync.emulator;

import java.math.BigDecimal;
import java.util.List;

/** The parsed form of a {@code q.where} clause; fields are already resolved against the table. */
sealed interface WhereExpr {

    record Or(WhereExpr left, WhereExpr right) implements WhereExpr {}

    record And(WhereExpr left, WhereExpr right) implements WhereExpr {}

    record Not(WhereExpr inner) implements WhereExpr {}

    /** {@code op} is one of {@code = <> < <= > >=} ({@code !=} arrives here as {@code <>}). */
    record Compare(Operand left, String op, Operand right) implements WhereExpr {}

    record Like(Operand value, Operand pattern, boolean negated) implements WhereExpr {}

    record In(Operand value, List<Operand> options, boolean negated) implements WhereExpr {
        public In {
            options = List.copyOf(options);
        }
    }

    record IsNull(Operand value, boolean negated) implements WhereExpr {}

    sealed interface Operand {
        int position();
    }

    record Field(FieldDef def, int position) implements Operand {}

    record Text(String value, int position) implements Operand {}

    record Number(BigDecimal value, int position) implements Operand {}
}
