using OrleansPlatform.Errors;

namespace OrleansPlatform.Gateway.Households;

/// <summary>Checks page and pageSize query parameters.</summary>
public static class Paging
{
    /// <summary>Throws a 400 naming the parameter when <paramref name="page"/> or <paramref name="pageSize"/> is out of range.</summary>
    public static void Validate(int page, int pageSize, int maxPageSize)
    {
        var errors = new ValidationErrors();
        if (page < 1)
        {
            errors.Add("page", "The page number starts at 1.");
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            errors.Add("pageSize", $"The page size must be between 1 and {maxPageSize}.");
        }

        errors.ThrowIfAny();
    }
}
