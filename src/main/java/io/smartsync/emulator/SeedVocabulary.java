package io.smartsync.emulator;

import java.util.List;

/**
 * Word pools (placeholders {n}, {provider}, {med}, {day} are filled by the seeder) for demo notes that read like CalAIM care-coordination notes. Every name here is
 * invented; nothing is taken from real records.
 */
final class SeedVocabulary {

    private SeedVocabulary() {}

    record Staff(String userId, String fullName) {
        String firstName() {
            return fullName.substring(0, fullName.indexOf(' '));
        }
    }

    static final List<Staff> STAFF = List.of(
            new Staff("amartinez", "Ana Martinez"),
            new Staff("bnguyen", "Brian Nguyen"),
            new Staff("cjohnson", "Carla Johnson"),
            new Staff("dpatel", "Dev Patel"),
            new Staff("egarcia", "Elena Garcia"),
            new Staff("fwilliams", "Frank Williams"),
            new Staff("gkim", "Grace Kim"),
            new Staff("hlopez", "Hector Lopez"),
            new Staff("ibrown", "Imani Brown"),
            new Staff("jchen", "Jason Chen"),
            new Staff("kdavis", "Keisha Davis"),
            new Staff("lrivera", "Luis Rivera"));

    static final List<String> SENIORS =
            List.of("Margaret Ellison", "Robert Okafor", "Dolores Vasquez", "Harold Whitfield", "June Tanaka");

    /** Follow_Up_Status values as the original app writes them, emoji and odd spacing included. */
    static final List<String> STATUSES = List.of("🟢Open", "🔴Closed", "🟡 Priority", "🔴 Urgent");

    static final List<String> OPENERS = List.of(
            "Called member to complete ECM outreach; member answered and agreed to continue services.",
            "Outreach attempt #{n} by phone; left voicemail with callback number.",
            "Met member at home for monthly ECM visit.",
            "Member called in asking about the status of the housing application.",
            "Received discharge notice from {provider}; member was admitted for {n} days.",
            "Completed care plan review with member and caregiver.",
            "Texted member a reminder about the upcoming appointment.",
            "Spoke with member's daughter (authorized on release) about recent changes.",
            "Attempted home visit; member not present, left door hanger.",
            "Case conference with PCP office and behavioral health team.",
            "Member walked in to the office without an appointment.",
            "Follow-up call after last week's missed appointment.");

    static final List<String> DETAILS = List.of(
            "Reviewed medication list against the pharmacy fill history; {med} was listed twice and the duplicate was removed.",
            "Medication reconciliation completed after discharge; member confirmed taking {med} as prescribed.",
            "Scheduled follow-up with {provider} for {day}.",
            "Submitted Community Supports referral for housing navigation to the MCP.",
            "Housing navigator confirmed member is on the waitlist for a permanent supportive housing unit.",
            "Assisted member with the CalFresh renewal packet; documents uploaded to the county portal.",
            "Member reports running low on {med}; called the pharmacy to request an early refill.",
            "Arranged non-medical transportation for the appointment on {day}.",
            "Member requested help with the Medi-Cal redetermination form; mailed a copy with the return envelope.",
            "Referred member to medically tailored meals; awaiting authorization.",
            "Coordinated recuperative care bed after hospital discharge.",
            "Discussed fall risk; member agreed to a home safety assessment.",
            "Member's IHSS hours were reassessed; provider timesheets are now current.",
            "Completed PHQ-9 with member; score shared with the behavioral health provider.",
            "Member declined the referral to substance use services at this time; will revisit next visit.",
            "Obtained signed consent to share information with {provider}.",
            "Updated emergency contact and preferred language in the care plan.",
            "Verified member's SSI appeal hearing date and added it to the calendar.",
            "Dropped off a blood pressure cuff and reviewed how to log readings.",
            "Confirmed the DME order for a shower chair was shipped.");

    static final List<String> PLANS = List.of(
            "Will follow up in one week.",
            "Plan: call member after the appointment to confirm it happened.",
            "Next ECM visit scheduled for next month.",
            "Will escalate to the supervisor if no response by Friday.",
            "Care plan updated accordingly.",
            "Member has the care team's number for questions.",
            "");

    static final List<String> PROVIDERS = List.of(
            "the PCP",
            "cardiology",
            "the endocrinology clinic",
            "behavioral health",
            "the podiatry clinic",
            "the dental clinic",
            "physical therapy",
            "the county hospital",
            "St. Rose Medical Center",
            "the skilled nursing facility");

    static final List<String> MEDICATIONS = List.of(
            "metformin",
            "lisinopril",
            "atorvastatin",
            "amlodipine",
            "insulin glargine",
            "sertraline",
            "albuterol inhaler",
            "gabapentin",
            "furosemide",
            "levothyroxine");

    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
}
