using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Hosting;

namespace OrleansPlatform.Silo.People;

/// <summary>
/// Builds the ID-number claims of a database written by builds that kept them in person grains: when
/// households are stored but no claim is, every stored household claims its members again, so the
/// one-household-per-person rule holds for people registered before the upgrade. Runs as a silo starts,
/// before it takes calls; several silos starting together do it once (a transaction-scoped lock).
/// </summary>
public sealed partial class ClaimsBackfill(
    NpgsqlDataSource database,
    IOptions<ClusterOptions> cluster,
    IOptionsMonitor<AdoNetGrainStorageOptions> storage,
    ILogger<ClaimsBackfill> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const long LockKey = 0x4F_52_4C_43_4C_4D; // "ORLCLM"
    private const int BatchSize = 2000;

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClaimsBackfill), ServiceLifecycleStage.ApplicationServices, RunAsync);

    /// <summary>Claims the members of every stored household when no claim is stored at all. Returns the number of claims written.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var serviceId = cluster.Value.ServiceId;
        var serializer = storage.PlatformSerializer();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var needed = new NpgsqlCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM platform_person_claim WHERE service_id = $1) " +
            "AND EXISTS (SELECT 1 FROM orleans_grain_state WHERE service_id = $1 AND state_name = 'household' AND payload IS NOT NULL)",
            connection, transaction))
        {
            needed.Parameters.AddWithValue(serviceId);
            if (await needed.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        LogStarting(logger);
        var claims = new List<(string Id, string Household, DateTime At)>();
        await using (var read = new NpgsqlCommand(
            "SELECT grain_id_ext, payload, modified_at FROM orleans_grain_state WHERE service_id = $1 AND state_name = 'household' AND payload IS NOT NULL",
            connection, transaction))
        {
            read.Parameters.AddWithValue(serviceId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var household = GrainKeys.HouseholdIdOf(reader.GetString(0));
                var state = serializer.Deserialize<HouseholdState>(new BinaryData(reader.GetFieldValue<byte[]>(1)));
                var at = reader.GetFieldValue<DateTime>(2);
                claims.AddRange((state?.Record?.Members ?? []).Where(m => m.IdNumber is not null).Select(m => (m.IdNumber!, household, at)));
            }
        }

        long written = 0;
        foreach (var batch in claims.Chunk(BatchSize))
        {
            // Where two stored households list one person (possible only through the old claims' gaps), the first keeps it.
            await using var insert = new NpgsqlCommand(
                "INSERT INTO platform_person_claim (service_id, id_number, household_id, claimed_at) " +
                "SELECT $1, i, h, a FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS c(i, h, a) " +
                "ON CONFLICT ON CONSTRAINT platform_person_claim_pk DO NOTHING",
                connection, transaction);
            insert.Parameters.AddWithValue(serviceId);
            insert.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(c => c.Id).ToArray());
            insert.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(c => c.Household).ToArray());
            insert.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, batch.Select(c => c.At).ToArray());
            written += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogDone(logger, written, claims.Count - written);
        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored households have no ID-number claims (a database of an earlier build): claiming their members now.")]
    private static partial void LogStarting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "ID-number claims rebuilt: {Written} written, {Duplicates} listed by more than one household kept by the first.")]
    private static partial void LogDone(ILogger logger, long written, long duplicates);
}
