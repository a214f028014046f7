using OrleansPlatform.Errors;

namespace OrleansPlatform.Areas;

/// <summary>Validation of area input, independent of any cluster.</summary>
public static class AreaRules
{
    /// <summary>Longest allowed area name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Checks <paramref name="input"/> and returns the normalised name; throws with every problem found.</summary>
    public static string Validate(AreaInput? input)
    {
        var errors = new ValidationErrors();
        var name = input?.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "The name is required.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"The name must be at most {MaxNameLength} characters.");
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add("name", "The name must not contain control characters.");
        }

        if (input?.RuralPopulation is < 0)
        {
            errors.Add("ruralPopulation", "The rural population cannot be negative.");
        }

        errors.ThrowIfAny();
        return name!;
    }

    /// <summary>Parses a grain key or a route value as an area code; throws a validation error naming <c>code</c>.</summary>
    public static AreaCode ParseCode(string? text) =>
        AreaCode.TryParse(text, out var code, out var error) ? code : throw DomainException.Invalid("code", error);
}
