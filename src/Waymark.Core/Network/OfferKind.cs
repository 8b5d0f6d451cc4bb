namespace Waymark.Core.Network;

/// <summary>What an organisation can share with others.</summary>
public enum OfferKind
{
    Room,
    TrainingPlaces,
    Supervision,
    VolunteerTime,
    Equipment,
}

public static class OfferKinds
{
    public static string Describe(OfferKind kind) => kind switch
    {
        OfferKind.Room => "A room or venue slot",
        OfferKind.TrainingPlaces => "Training places",
        OfferKind.Supervision => "Supervision capacity",
        OfferKind.VolunteerTime => "Volunteer time",
        OfferKind.Equipment => "Equipment",
        _ => kind.ToString(),
    };
}
