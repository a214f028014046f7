namespace OrleansPlatform.Households;

/// <summary>The poverty line a household was identified against.</summary>
public enum PovertyStandard
{
    /// <summary>National line.</summary>
    National = 1,

    /// <summary>A higher provincial line.</summary>
    Provincial = 2,

    /// <summary>A city line.</summary>
    City = 3,
}

/// <summary>Household category on the registration form.</summary>
public enum HouseholdCategory
{
    /// <summary>Ordinary poor household.</summary>
    Ordinary = 1,

    /// <summary>Minimum-living-allowance (低保) household.</summary>
    Dibao = 2,

    /// <summary>Five-guarantees (五保) household.</summary>
    Wubao = 3,

    /// <summary>Dibao poor household.</summary>
    DibaoPoor = 4,
}

/// <summary>Causes of poverty from the national list.</summary>
public enum PovertyCause
{
    /// <summary>因病.</summary>
    Illness = 1,

    /// <summary>因残.</summary>
    Disability = 2,

    /// <summary>因学.</summary>
    Education = 3,

    /// <summary>因灾.</summary>
    Disaster = 4,

    /// <summary>因婚.</summary>
    Marriage = 5,

    /// <summary>缺土地.</summary>
    LackOfLand = 6,

    /// <summary>缺水.</summary>
    LackOfWater = 7,

    /// <summary>缺技术.</summary>
    LackOfSkills = 8,

    /// <summary>缺资金.</summary>
    LackOfFunds = 9,

    /// <summary>缺劳力.</summary>
    LackOfLabour = 10,

    /// <summary>交通条件落后.</summary>
    PoorTransport = 11,

    /// <summary>自身发展动力不足.</summary>
    LackOfDrive = 12,

    /// <summary>Other.</summary>
    Other = 13,
}

/// <summary>Sex as recorded in the resident ID.</summary>
public enum Sex
{
    /// <summary>Male (odd 17th digit).</summary>
    Male = 1,

    /// <summary>Female (even 17th digit).</summary>
    Female = 2,
}

/// <summary>Relation to the head of the household.</summary>
public enum Relation
{
    /// <summary>The head (户主); exactly one per household.</summary>
    Head = 1,

    /// <summary>Spouse.</summary>
    Spouse = 2,

    /// <summary>Son or daughter.</summary>
    Child = 3,

    /// <summary>Son- or daughter-in-law.</summary>
    ChildInLaw = 4,

    /// <summary>Grandchild.</summary>
    Grandchild = 5,

    /// <summary>Parent or parent-in-law.</summary>
    Parent = 6,

    /// <summary>Grandparent.</summary>
    Grandparent = 7,

    /// <summary>Brother or sister.</summary>
    Sibling = 8,

    /// <summary>Any other relation.</summary>
    Other = 9,
}

/// <summary>Highest education reached.</summary>
public enum Education
{
    /// <summary>Not yet of school age.</summary>
    Preschool = 1,

    /// <summary>Illiterate or semi-literate.</summary>
    Illiterate = 2,

    /// <summary>Primary school.</summary>
    Primary = 3,

    /// <summary>Junior secondary school.</summary>
    JuniorSecondary = 4,

    /// <summary>Senior secondary or vocational school.</summary>
    SeniorSecondary = 5,

    /// <summary>College or above.</summary>
    College = 6,
}

/// <summary>Health status on the registration form.</summary>
public enum Health
{
    /// <summary>Healthy.</summary>
    Healthy = 1,

    /// <summary>Long-term chronic illness.</summary>
    ChronicIllness = 2,

    /// <summary>Serious illness.</summary>
    SeriousIllness = 3,

    /// <summary>Disabled.</summary>
    Disabled = 4,
}

/// <summary>Ability to work.</summary>
public enum Labour
{
    /// <summary>Ordinary labour.</summary>
    Ordinary = 1,

    /// <summary>Skilled labour.</summary>
    Skilled = 2,

    /// <summary>Lost the ability to work.</summary>
    Lost = 3,

    /// <summary>No labour (children, elderly).</summary>
    None = 4,
}

/// <summary>Where a household stands in the poverty register.</summary>
public enum HouseholdStatus
{
    /// <summary>Registered as poor.</summary>
    Registered = 1,

    /// <summary>Exit proposed by the village, awaiting approval.</summary>
    ExitProposed = 2,

    /// <summary>Left poverty (exit approved).</summary>
    Exited = 3,

    /// <summary>Poor again after an exit (返贫).</summary>
    ReturnedToPoverty = 4,

    /// <summary>Wrongly registered and removed (错评); kept, never deleted.</summary>
    Removed = 5,
}
