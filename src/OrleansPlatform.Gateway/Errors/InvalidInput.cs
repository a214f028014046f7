using Microsoft.AspNetCore.Mvc;

namespace OrleansPlatform.Gateway.Errors;

/// <summary>
/// The 400 problem for a body or query that cannot be bound (malformed JSON, wrong types, unknown
/// enum values). Field keys are JSON paths without the leading <c>$.</c>, like the domain's own
/// validation errors (<c>members[2].sex</c>).
/// </summary>
public static class InvalidInput
{
    /// <summary>Builds the problem response from the model state.</summary>
    public static IActionResult Problem(ActionContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var path = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key.Length == 0 ? "$" : key;
            errors[path] = entry.Errors
                .Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "The value is invalid." : e.ErrorMessage)
                .ToArray();
        }

        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = $"The request could not be read: {string.Join(", ", errors.Keys)}.",
            Type = "https://httpstatuses.io/400",
        };
        problem.Extensions["code"] = "invalid-input";
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }
}
