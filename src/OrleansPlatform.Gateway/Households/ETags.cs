using System.Globalization;
using Microsoft.Net.Http.Headers;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Gateway.Households;

/// <summary>Household versions as strong entity tags (<c>"7"</c>).</summary>
public static class ETags
{
    /// <summary>The entity tag of a version.</summary>
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match header asks for, or null without the header; a malformed header is a 400.</summary>
    public static int? ParseIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParseStrictList(values, out var tags) && tags.Count == 1 && !tags[0].IsWeak
            && int.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw DomainException.Invalid(HeaderNames.IfMatch, "If-Match must be the one strong ETag of the household, e.g. \"3\", as returned by GET.");
    }
}
