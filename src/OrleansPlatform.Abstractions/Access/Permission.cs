namespace OrleansPlatform.Access;

/// <summary>One thing a role may be allowed to do; <see cref="Permissions"/> says which role has which.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The domain word is permission.")]
public enum Permission
{
    /// <summary>Read areas, households and statistics of the jurisdiction.</summary>
    ReadRegistry = 1,

    /// <summary>Register and change households.</summary>
    WriteHouseholds = 2,

    /// <summary>Create and rename areas, run administrative checks, see the API documentation.</summary>
    Administer = 3,

    /// <summary>Create and change accounts of the jurisdiction.</summary>
    ManageAccounts = 4,

    /// <summary>See ID numbers and phones unmasked and look people up by ID number.</summary>
    PersonalData = 5,

    /// <summary>Read the audit log of the jurisdiction.</summary>
    ReadAudit = 6,
}
