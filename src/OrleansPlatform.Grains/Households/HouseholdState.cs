namespace OrleansPlatform.Households;

/// <summary>Persisted state of a <see cref="HouseholdGrain"/>: the record, its status and every past version.</summary>
[GenerateSerializer, Alias("OrleansPlatform.HouseholdState")]
public sealed class HouseholdState
{
    /// <summary>The current record; null while the household does not exist.</summary>
    [Id(0)] public HouseholdRecord? Record { get; set; }

    /// <summary>Register status.</summary>
    [Id(1)] public HouseholdStatus Status { get; set; } = HouseholdStatus.Registered;

    /// <summary>Reason given with the latest status change.</summary>
    [Id(2)] public string? StatusReason { get; set; }

    /// <summary>Effective date of the latest status change.</summary>
    [Id(3)] public DateOnly? StatusEffectiveDate { get; set; }

    /// <summary>Current version; 0 before creation.</summary>
    [Id(4)] public int Version { get; set; }

    /// <summary>Every version, oldest first.</summary>
    [Id(5)] public List<HistoryEntry> History { get; set; } = [];

    /// <summary>ID numbers of members seriously ill or disabled when the household exited.</summary>
    [Id(6)] public List<string> IllAtExit { get; set; } = [];

    /// <summary>A village whose roster may still list this household after a relocation, until it is told otherwise.</summary>
    [Id(7)] public string? LeftVillage { get; set; }

    /// <summary>The state of a household just created with <paramref name="record"/>: version 1, registered, one "created" entry.</summary>
    public static HouseholdState Created(HouseholdRecord record, DateTimeOffset at, string actor) => new()
    {
        Record = record,
        Version = 1,
        History = [new HistoryEntry(1, at, actor, "created", RecordDiff.Between(null, record))],
    };

    /// <summary>A copy to restore when a write fails; the history list is copied, records are immutable.</summary>
    public HouseholdState Copy() => new()
    {
        Record = Record,
        Status = Status,
        StatusReason = StatusReason,
        StatusEffectiveDate = StatusEffectiveDate,
        Version = Version,
        History = [.. History],
        IllAtExit = IllAtExit,
        LeftVillage = LeftVillage,
    };
}
