using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Hosting;

namespace OrleansPlatform.Silo.Households;

/// <summary>
/// Household rows of the grain-state table (state name <c>household</c>, the grain key in the key's
/// extension, N0 = N1 = 0 as Orleans stores string keys) and their ID claims, many per statement. Payloads
/// go through the grain storage's own serializer, so the household grains read these rows as their own.
/// </summary>
public sealed class PostgresHouseholdBulkStore(
    NpgsqlDataSource database,
    IOptions<ClusterOptions> cluster,
    IOptionsMonitor<AdoNetGrainStorageOptions> storage) : IHouseholdBulkStore
{
    private const string DeadlockDetected = "40P01";

    private const string ReadSql = """
        SELECT grain_id_ext, payload FROM orleans_grain_state
         WHERE service_id = $1 AND state_name = 'household' AND grain_id_n0 = 0 AND grain_id_n1 = 0
           AND grain_id_ext = ANY($2) AND payload IS NOT NULL
        """;

    // The hash columns are written by Orleans' provider for its own lookups; the platform's schema finds
    // rows by primary key and never reads them, so bulk rows leave them 0. Sorted, like every multi-row
    // insert here, so that two overlapping batches cannot deadlock on each other's keys.
    private const string ScanSql = """
        SELECT grain_id_ext, payload FROM orleans_grain_state
         WHERE service_id = $1 AND state_name = 'household' AND grain_id_n0 = 0 AND grain_id_n1 = 0 AND payload IS NOT NULL
        """;

    private const string InsertRowsSql = """
        INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext,
                                         grain_id_hash, state_name_hash, payload, version)
        SELECT $1, 'household', 0, 0, k, 0, 0, p, 1 FROM unnest($2::text[], $3::bytea[]) AS r(k, p) ORDER BY k
        ON CONFLICT ON CONSTRAINT orleans_grain_state_pk DO NOTHING
        RETURNING grain_id_ext
        """;

    private const string InsertClaimsSql = """
        INSERT INTO platform_person_claim (service_id, id_number, household_id, claimed_at)
        SELECT $1, i, h, $4 FROM unnest($2::text[], $3::text[]) AS c(i, h) ORDER BY i
        ON CONFLICT ON CONSTRAINT platform_person_claim_pk DO NOTHING
        RETURNING id_number, household_id
        """;

    private const string DeleteRowsSql = """
        DELETE FROM orleans_grain_state
         WHERE service_id = $1 AND state_name = 'household' AND grain_id_n0 = 0 AND grain_id_n1 = 0 AND grain_id_ext = ANY($2)
        """;

    private const string DeleteClaimsSql =
        "DELETE FROM platform_person_claim WHERE service_id = $1 AND id_number = ANY($2) AND household_id = ANY($3)";

    private string ServiceId => cluster.Value.ServiceId;

    private IGrainStorageSerializer Serializer => storage.PlatformSerializer();

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, HouseholdState>> ReadAsync(IReadOnlyCollection<string> householdIds)
    {
        var found = new Dictionary<string, HouseholdState>(StringComparer.Ordinal);
        if (householdIds.Count == 0)
        {
            return found;
        }

        var serializer = Serializer;
        await using var command = database.CreateCommand(ReadSql);
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, householdIds.Select(GrainKeys.Household).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var state = serializer.Deserialize<HouseholdState>(new BinaryData(reader.GetFieldValue<byte[]>(1)));
            if (state is not null)
            {
                found[GrainKeys.HouseholdIdOf(reader.GetString(0))] = state;
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<(string HouseholdId, HouseholdState State)> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = Serializer;
        await using var command = database.CreateCommand(ScanSql);
        command.Parameters.AddWithValue(ServiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (serializer.Deserialize<HouseholdState>(new BinaryData(reader.GetFieldValue<byte[]>(1))) is { } state)
            {
                yield return (GrainKeys.HouseholdIdOf(reader.GetString(0)), state);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> CreateAsync(IReadOnlyList<NewHousehold> households, DateTimeOffset now)
    {
        if (households.Count == 0)
        {
            return new HashSet<string>();
        }

        var serializer = Serializer;
        var keys = households.Select(h => GrainKeys.Household(h.HouseholdId)).ToArray();
        var payloads = households.Select(h => serializer.Serialize(h.State).ToArray()).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateOnceAsync(households, keys, payloads, now);
            }
            catch (PostgresException e) when (e.SqlState == DeadlockDetected && attempt < 3)
            {
                // The transaction was rolled back whole: nothing of it is left, so it is safe to repeat.
            }
        }
    }

    private async Task<IReadOnlySet<string>> CreateOnceAsync(IReadOnlyList<NewHousehold> households, string[] keys, byte[][] payloads, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var created = new HashSet<string>(StringComparer.Ordinal);
        await using (var rows = new NpgsqlCommand(InsertRowsSql, connection, transaction))
        {
            rows.Parameters.AddWithValue(ServiceId);
            rows.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, keys);
            rows.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bytea, payloads);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                created.Add(GrainKeys.HouseholdIdOf(reader.GetString(0)));
            }
        }

        // Claim the members of the households whose rows went in; any member not claimed for its household
        // (held elsewhere, or listed by two households of this batch) takes that household out again.
        var members = households.Where(h => created.Contains(h.HouseholdId))
            .SelectMany(h => h.State.Record!.Members!.Select(m => (Id: m.IdNumber!, Household: h.HouseholdId)))
            .ToList();
        var claimed = new HashSet<(string Id, string Household)>();
        await using (var claims = new NpgsqlCommand(InsertClaimsSql, connection, transaction))
        {
            claims.Parameters.AddWithValue(ServiceId);
            claims.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, members.Select(m => m.Id).ToArray());
            claims.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, members.Select(m => m.Household).ToArray());
            claims.Parameters.AddWithValue(now);
            await using var reader = await claims.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                claimed.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var failed = members.Where(m => !claimed.Contains(m)).Select(m => m.Household).ToHashSet(StringComparer.Ordinal);
        if (failed.Count > 0)
        {
            await using (var deleteRows = new NpgsqlCommand(DeleteRowsSql, connection, transaction))
            {
                deleteRows.Parameters.AddWithValue(ServiceId);
                deleteRows.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, failed.Select(GrainKeys.Household).ToArray());
                await deleteRows.ExecuteNonQueryAsync();
            }

            // Only the claims this statement inserted: a claim the household held before stays as it was.
            await using var deleteClaims = new NpgsqlCommand(DeleteClaimsSql, connection, transaction);
            deleteClaims.Parameters.AddWithValue(ServiceId);
            deleteClaims.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, claimed.Where(c => failed.Contains(c.Household)).Select(c => c.Id).ToArray());
            deleteClaims.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, failed.ToArray());
            await deleteClaims.ExecuteNonQueryAsync();
            created.ExceptWith(failed);
        }

        await transaction.CommitAsync();
        return created;
    }
}
