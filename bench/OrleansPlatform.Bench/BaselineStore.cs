using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrleansPlatform.Areas;
using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Bench;

/// <summary>
/// The plain-SQL design the platform is compared with: one table of households (the record as jsonb
/// plus the columns statistics group by), one <c>INSERT … ON CONFLICT DO UPDATE</c> per household,
/// and statistics answered by a <c>GROUP BY</c> at read time. It uses the platform's connection settings
/// (pooling, automatic statement preparation).
/// </summary>
public sealed class BaselineStore(NpgsqlDataSource dataSource, PovertyLineOptions lines) : IAsyncDisposable
{
    private const string Schema = """
        DROP TABLE IF EXISTS households;
        DROP TABLE IF EXISTS areas;
        CREATE TABLE areas (
            code             text PRIMARY KEY,
            name             text NOT NULL,
            is_village       boolean NOT NULL,
            rural_population bigint
        );
        CREATE INDEX areas_code_prefix ON areas (code text_pattern_ops) WHERE is_village;
        CREATE TABLE households (
            id            text PRIMARY KEY,
            village_code  text NOT NULL,
            county_code   text NOT NULL,
            status        smallint NOT NULL,
            members       integer NOT NULL,
            primary_cause smallint NOT NULL,
            per_capita    numeric,
            gap_food      boolean NOT NULL,
            gap_clothing  boolean NOT NULL,
            gap_education boolean NOT NULL,
            gap_medical   boolean NOT NULL,
            gap_housing   boolean NOT NULL,
            gap_water     boolean NOT NULL,
            record        jsonb NOT NULL,
            updated_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX households_county ON households (county_code text_pattern_ops, status, primary_cause);
        CREATE INDEX households_village ON households (village_code, status);
        """;

    private const string Upsert = """
        INSERT INTO households (id, village_code, county_code, status, members, primary_cause, per_capita,
                                gap_food, gap_clothing, gap_education, gap_medical, gap_housing, gap_water, record)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (id) DO UPDATE SET
            village_code = EXCLUDED.village_code, county_code = EXCLUDED.county_code, status = EXCLUDED.status,
            members = EXCLUDED.members, primary_cause = EXCLUDED.primary_cause, per_capita = EXCLUDED.per_capita,
            gap_food = EXCLUDED.gap_food, gap_clothing = EXCLUDED.gap_clothing, gap_education = EXCLUDED.gap_education,
            gap_medical = EXCLUDED.gap_medical, gap_housing = EXCLUDED.gap_housing, gap_water = EXCLUDED.gap_water,
            record = EXCLUDED.record, updated_at = now()
        """;

    // One statement: the households of the area grouped by status and cause, with the villages'
    // populations alongside; the few group rows are folded into the figures by Fold.
    private const string Stats = """
        SELECT status, primary_cause, count(*)::int, sum(members)::int,
               coalesce(sum(per_capita), 0), count(per_capita)::int,
               count(*) FILTER (WHERE gap_food)::int, count(*) FILTER (WHERE gap_clothing)::int,
               count(*) FILTER (WHERE gap_education)::int, count(*) FILTER (WHERE gap_medical)::int,
               count(*) FILTER (WHERE gap_housing)::int, count(*) FILTER (WHERE gap_water)::int,
               v.population, v.villages, v.with_population
          FROM households
         CROSS JOIN (SELECT coalesce(sum(rural_population), 0)::bigint AS population, count(*)::int AS villages,
                            count(rural_population)::int AS with_population
                       FROM areas WHERE is_village AND code LIKE $1) v
         WHERE county_code LIKE $1
         GROUP BY status, primary_cause, v.population, v.villages, v.with_population
        """;

    /// <summary>The figures this baseline computes, named as in <see cref="AreaStats"/>.</summary>
    public static readonly string[] ComparedFields =
    [
        "households", "people", "poorHouseholds", "poorPeople", "exitedHouseholds", "exitedPeople", "returnedHouseholds",
        "removedHouseholds", "ruralPopulation", "povertyIncidence", "byPrimaryCause", "guaranteeGaps", "averagePerCapitaIncome",
    ];

    /// <summary>Today in China, the date the grains assess records on.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Creates the tables afresh.</summary>
    public async Task CreateSchemaAsync()
    {
        await using var command = dataSource.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stores the areas (one binary COPY; they are not part of any measured figure).</summary>
    public async Task InsertAreasAsync(IEnumerable<GeneratedArea> areas)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY areas (code, name, is_village, rural_population) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var area in areas)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(area.Code, NpgsqlDbType.Text);
                await copy.WriteAsync(area.Name, NpgsqlDbType.Text);
                await copy.WriteAsync(AreaCode.Parse(area.Code).Level == AreaLevel.Village, NpgsqlDbType.Boolean);
                if (area.RuralPopulation is { } population)
                {
                    await copy.WriteAsync(population, NpgsqlDbType.Bigint);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE areas", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Registers one household: one upsert, committed when it returns (autocommit).</summary>
    public async Task UpsertAsync(string householdId, HouseholdRecord record, DateOnly today)
    {
        var row = BaselineRow.From(householdId, record, today, lines);
        await using var command = dataSource.CreateCommand(Upsert);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = row.Id });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.VillageCode });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.CountyCode });
        p.Add(new NpgsqlParameter<short> { TypedValue = row.Status });
        p.Add(new NpgsqlParameter<int> { TypedValue = row.Members });
        p.Add(new NpgsqlParameter<short> { TypedValue = row.PrimaryCause });
        p.Add(new NpgsqlParameter { Value = (object?)row.PerCapita ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.Food });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.Clothing });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.CompulsoryEducation });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.Medical });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.Housing });
        p.Add(new NpgsqlParameter<bool> { TypedValue = !row.Guarantees.Water });
        p.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record, PlatformJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Brings the planner's statistics up to date after the import, as an operator would.</summary>
    public async Task AnalyzeAsync()
    {
        await using var command = dataSource.CreateCommand("ANALYZE households");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The figures of <paramref name="code"/> computed by the GROUP BY statement.</summary>
    public async Task<AreaStats> GetStatsAsync(AreaCode code)
    {
        await using var command = dataSource.CreateCommand(Stats);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code.Prefix + "%" });
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new StatsCounts();
        var causes = new Dictionary<PovertyCause, int>();
        var gaps = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var status = (HouseholdStatus)reader.GetInt16(0);
            var cause = (PovertyCause)reader.GetInt16(1);
            var (n, people) = (reader.GetInt32(2), reader.GetInt32(3));
            counts = counts with { RuralPopulation = reader.GetInt64(12), Villages = reader.GetInt32(13), VillagesWithPopulation = reader.GetInt32(14) };
            if (status == HouseholdStatus.Removed)
            {
                counts = counts with { RemovedHouseholds = counts.RemovedHouseholds + n };
                continue;
            }

            counts = counts with
            {
                Households = counts.Households + n,
                People = counts.People + people,
                ExitedHouseholds = counts.ExitedHouseholds + (status == HouseholdStatus.Exited ? n : 0),
                ExitedPeople = counts.ExitedPeople + (status == HouseholdStatus.Exited ? people : 0),
                ReturnedHouseholds = counts.ReturnedHouseholds + (status == HouseholdStatus.ReturnedToPoverty ? n : 0),
            };
            if (!Lifecycle.IsPoor(status))
            {
                continue;
            }

            counts = counts with
            {
                PoorHouseholds = counts.PoorHouseholds + n,
                PoorPeople = counts.PoorPeople + people,
                PoorIncomeSum = counts.PoorIncomeSum + reader.GetDecimal(4),
                PoorIncomeCount = counts.PoorIncomeCount + reader.GetInt32(5),
            };
            causes[cause] = causes.GetValueOrDefault(cause) + n;
            for (var g = 0; g < StatsMath.GuaranteeNames.Length; g++)
            {
                var failing = reader.GetInt32(6 + g);
                if (failing > 0)
                {
                    gaps[StatsMath.GuaranteeNames[g]] = gaps.GetValueOrDefault(StatsMath.GuaranteeNames[g]) + failing;
                }
            }
        }

        counts = counts with { ByPrimaryCause = causes, GuaranteeGaps = gaps };
        return StatsMath.ToStats(code, counts, DateTimeOffset.UtcNow, counts.Villages, exitThreshold: 0.03m);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
