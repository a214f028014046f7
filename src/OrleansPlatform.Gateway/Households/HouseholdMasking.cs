using System.Text.Json;
using OrleansPlatform.Access;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Households;

/// <summary>Masks members' ID numbers and the household phone in what callers without the personal-data permission read.</summary>
public static class HouseholdMasking
{
    /// <summary>The view with ID numbers and phone masked.</summary>
    public static HouseholdView Mask(HouseholdView view) => view with
    {
        Record = view.Record with
        {
            Phone = PersonalDataMask.Phone(view.Record.Phone),
            Members = view.Record.Members?.Select(m => m with { IdNumber = PersonalDataMask.IdNumber(m.IdNumber) }).ToList(),
        },
    };

    /// <summary>The history entry with changed ID numbers and phones masked.</summary>
    public static HistoryEntry Mask(HistoryEntry entry) => entry with
    {
        Changes = entry.Changes.Select(Mask).ToList(),
    };

    /// <summary>True when a history entry has a change of an ID number or phone.</summary>
    public static bool HasPersonalData(HistoryEntry entry) => entry.Changes.Any(c => MaskerFor(c.Path) is not null);

    private static FieldChange Mask(FieldChange change) => MaskerFor(change.Path) is { } mask
        ? change with { Old = MaskJson(change.Old, mask), New = MaskJson(change.New, mask) }
        : change;

    private static Func<string?, string?>? MaskerFor(string path) =>
        path.EndsWith("idNumber", StringComparison.Ordinal) ? PersonalDataMask.IdNumber
        : path == "phone" ? PersonalDataMask.Phone
        : null;

    private static string? MaskJson(string? json, Func<string?, string?> mask) =>
        json is null ? null : JsonSerializer.Serialize(mask(JsonSerializer.Deserialize<string>(json)));
}
