package io.smartsync.emulator;

/**
 * The changes of v2's {@code PUT /tables/{t}/fields/{f}}, named {@code New…}: a null component is left as
 * it is. The emulator changes the name, label, description and place of a field; other changes are
 * refused (NewFieldBody.change).
 */
record FieldChange(String newName, String newLabel, String newDescription, Integer displayOrder) {

    FieldDef applyTo(FieldDef field) {
        FieldDef f = newName == null ? field : field.withName(newName);
        f = newLabel == null ? f : f.withLabel(newLabel);
        return newDescription == null ? f : f.withDescription(newDescription);
    }
}
