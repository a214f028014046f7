using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Accounts;

/// <summary>What a valid account is, and who may create or change which account.</summary>
public static class AccountRules
{
    /// <summary>Longest display name.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>Longest official or cooperative id.</summary>
    public const int MaxReferenceLength = 64;

    /// <summary>Throws a 400 unless <paramref name="login"/> is 3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit.</summary>
    public static void ValidateLogin(string? login)
    {
        if (login is null || login.Length is < 3 or > 64
            || !char.IsAsciiLetterLower(login[0]) && !char.IsAsciiDigit(login[0])
            || !login.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
        {
            throw DomainException.Invalid("login", "A login has 3 to 64 characters: lower-case letters a-z, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }

    /// <summary>Checks every field at once; returns the role and the area (null only for a platform-wide system administrator).</summary>
    public static (Role Role, string? AreaCode) Validate(AccountInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add("displayName", "The display name is required.");
        }
        else if (input.DisplayName.Length > MaxDisplayNameLength)
        {
            errors.Add("displayName", $"The display name has at most {MaxDisplayNameLength} characters.");
        }

        var role = input.Role is { } given && Enum.IsDefined(given) ? given : (Role?)null;
        if (role is null)
        {
            errors.Add("role", "The role is required: systemAdmin, areaAdmin, dataEntry, viewer, auditor, cooperativeManager or stationOperator.");
        }

        string? area = null;
        if (input.AreaCode is null)
        {
            if (role is not null and not Role.SystemAdmin)
            {
                errors.Add("areaCode", "The area code is required for this role.");
            }
        }
        else if (!AreaCode.TryParse(input.AreaCode, out var code, out var areaError))
        {
            errors.Add("areaCode", areaError);
        }
        else
        {
            area = code.Value;
            if (role == Role.AreaAdmin && code.Level == AreaLevel.Village)
            {
                errors.Add("areaCode", "An area administrator works at a province, city, county or town, not a village.");
            }

            if (role == Role.DataEntry && code.Level is not (AreaLevel.Village or AreaLevel.Town))
            {
                errors.Add("areaCode", "A data-entry account works at a village or town.");
            }
        }

        if (role == Role.CooperativeManager && string.IsNullOrWhiteSpace(input.CooperativeId))
        {
            errors.Add("cooperativeId", "A cooperative manager needs the cooperative they manage.");
        }

        if (input.CooperativeId?.Length > MaxReferenceLength)
        {
            errors.Add("cooperativeId", $"At most {MaxReferenceLength} characters.");
        }

        if (input.OfficialId?.Length > MaxReferenceLength)
        {
            errors.Add("officialId", $"At most {MaxReferenceLength} characters.");
        }

        errors.ThrowIfAny();
        return (role!.Value, area);
    }

    /// <summary>
    /// Throws unless <paramref name="caller"/> may give an account the role and area asked for. An
    /// existing account outside the caller's jurisdiction reads as missing (404); so does an area
    /// outside it. Only a system administrator makes system administrators.
    /// </summary>
    public static void AuthorizeChange(Caller? caller, string login, AccountState? existing, Role role, string? areaCode)
    {
        if (caller is null)
        {
            return; // the platform's own work, e.g. the demo seed
        }

        CallerContext.Require(Permission.ManageAccounts);
        if (existing is not null && !caller.Reaches(existing.AreaCode))
        {
            throw NotFound(login);
        }

        if (role == Role.SystemAdmin && caller.Role != Role.SystemAdmin)
        {
            throw new DomainException(DomainErrorKind.Forbidden, "account.role-forbidden", "Only a system administrator can make system administrators.");
        }

        if (!caller.Reaches(areaCode))
        {
            throw AreaMissing(areaCode);
        }
    }

    /// <summary>The 422 for an account's area that does not exist or that the caller does not reach (told apart from neither).</summary>
    public static DomainException AreaMissing(string? areaCode) => new(
        DomainErrorKind.Unprocessable,
        "area.not-found",
        $"Area {areaCode} does not exist.",
        new Dictionary<string, string[]> { ["areaCode"] = [$"Area {areaCode} does not exist."] });

    /// <summary>The 404 for an account that does not exist or that the caller does not reach.</summary>
    public static DomainException NotFound(string login) =>
        new(DomainErrorKind.NotFound, "account.not-found", $"Account {login} does not exist.");
}
