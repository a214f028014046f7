namespace OrleansPlatform.Households;

/// <summary>One person in a household. Nullable fields are required; validation names the missing ones.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.Member")]
public sealed record Member
{
    /// <summary>Full name.</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary>18-character resident ID number (GB 11643).</summary>
    [Id(1)] public string? IdNumber { get; init; }

    /// <summary>Sex; must agree with the ID number.</summary>
    [Id(2)] public Sex? Sex { get; init; }

    /// <summary>Relation to the head.</summary>
    [Id(3)] public Relation? Relation { get; init; }

    /// <summary>Birth date; must agree with the ID number.</summary>
    [Id(4)] public DateOnly? BirthDate { get; init; }

    /// <summary>Highest education reached.</summary>
    [Id(5)] public Education? Education { get; init; }

    /// <summary>Currently in school.</summary>
    [Id(6)] public bool? InSchool { get; init; }

    /// <summary>Health status.</summary>
    [Id(7)] public Health? Health { get; init; }

    /// <summary>Ability to work.</summary>
    [Id(8)] public Labour? Labour { get; init; }

    /// <summary>Covered by basic (rural cooperative) medical insurance.</summary>
    [Id(9)] public bool? MedicalInsurance { get; init; }

    /// <summary>Covered by critical-illness insurance.</summary>
    [Id(10)] public bool? CriticalIllnessInsurance { get; init; }
}
