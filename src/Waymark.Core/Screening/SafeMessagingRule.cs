namespace Waymark.Core.Screening;

/// <summary>The safe-messaging rules of docs/safety/policy.md §4, by their numbers there.</summary>
public enum SafeMessagingRule
{
    /// <summary>How someone hurt themselves: the implement, substance or place.</summary>
    R1 = 1,

    /// <summary>Images.</summary>
    R2,

    /// <summary>Numbers about harm: how many cuts or tablets, how deep, weights and calories.</summary>
    R3,

    /// <summary>Encouragement or instruction, challenges, seeking partners.</summary>
    R4,

    /// <summary>Self-harm or suicide framed as a solution, effective, painless or quick.</summary>
    R5,

    /// <summary>Identifying details: names, phone numbers, email and street addresses, schools, workplaces, handles.</summary>
    R6,

    /// <summary>Lived experience without detail.</summary>
    R7,

    /// <summary>Stigmatising language.</summary>
    R8,

    /// <summary>Intent or plan, now or soon; possible imminent risk.</summary>
    R9,

    /// <summary>Hope and recovery.</summary>
    R10,
}

public static class SafeMessagingRules
{
    /// <summary>The outcome each rule asks for in docs/safety/policy.md §4 (a rule's word list may ask for a stricter one).</summary>
    public static ScreeningOutcome DefaultOutcome(this SafeMessagingRule rule) => rule switch
    {
        SafeMessagingRule.R4 => ScreeningOutcome.Reject,
        SafeMessagingRule.R7 => ScreeningOutcome.Warn,
        SafeMessagingRule.R8 or SafeMessagingRule.R10 => ScreeningOutcome.Publish,
        SafeMessagingRule.R9 => ScreeningOutcome.Urgent,
        _ => ScreeningOutcome.Hold,
    };
}
