namespace OrleansPlatform;

/// <summary>
/// Grain keys for ids that callers choose. Orleans' ADO.NET storage turns a string key that parses
/// as hexadecimal into an integer ("0abc" and "abc" would share a row), so such ids get a prefix
/// that is never hexadecimal. Area codes are always 12 digits without a leading zero and need none.
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of the household grain for <paramref name="householdId"/>.</summary>
    public static string Household(string householdId) => "hh:" + householdId;

    /// <summary>The household id inside a household grain key.</summary>
    public static string HouseholdIdOf(string key) => key["hh:".Length..];

    /// <summary>Key of the person grain for an ID number.</summary>
    public static string Person(string idNumber) => "id:" + idNumber;

    /// <summary>Key of the account grain for a login name.</summary>
    public static string Account(string login) => "acct:" + login;

    /// <summary>The login inside an account grain key.</summary>
    public static string LoginOf(string key) => key["acct:".Length..];

    /// <summary>The ID number inside a person grain key.</summary>
    public static string IdNumberOf(string key) => key["id:".Length..];
}
