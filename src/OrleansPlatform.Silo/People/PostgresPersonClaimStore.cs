using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using OrleansPlatform.People;

namespace OrleansPlatform.Silo.People;

/// <summary>ID-number claims in the <c>platform_person_claim</c> table, one statement per call.</summary>
public sealed class PostgresPersonClaimStore(NpgsqlDataSource database, IOptions<ClusterOptions> cluster) : IPersonClaimStore
{
    // Inserts the free ID numbers, in one order so that two overlapping claims cannot deadlock.
    private const string ClaimFreeSql = """
        INSERT INTO platform_person_claim (service_id, id_number, household_id, claimed_at)
        SELECT $1, id_number, $3, $4 FROM (SELECT DISTINCT unnest($2::text[]) AS id_number) wanted ORDER BY id_number
        ON CONFLICT ON CONSTRAINT platform_person_claim_pk DO NOTHING
        RETURNING id_number
        """;

    private const string HoldersSql =
        "SELECT id_number, household_id, claimed_at FROM platform_person_claim WHERE service_id = $1 AND id_number = ANY($2)";

    private const string DeadlockDetected = "40P01";

    private string ServiceId => cluster.Value.ServiceId;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PersonClaim>> ClaimFreeAsync(string householdId, IReadOnlyCollection<string> idNumbers, DateTimeOffset now)
    {
        if (idNumbers.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var wanted = idNumbers.Distinct(StringComparer.Ordinal).ToArray();
                var inserted = new HashSet<string>(StringComparer.Ordinal);
                await using (var command = database.CreateCommand(ClaimFreeSql))
                {
                    command.Parameters.AddWithValue(ServiceId);
                    command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, wanted);
                    command.Parameters.AddWithValue(householdId);
                    command.Parameters.AddWithValue(now);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        inserted.Add(reader.GetString(0));
                    }
                }

                // The usual case ends here: everybody was free. Otherwise one more statement says who
                // holds the others; one released meanwhile comes back without a holder.
                var others = wanted.Where(id => !inserted.Contains(id)).ToArray();
                return others.Length == 0 ? [] : await HoldersAsync(others);
            }
            catch (PostgresException e) when (e.SqlState == DeadlockDetected && attempt < 3)
            {
                // Sorted inserts make this rare; the statement changed nothing, so it is safe to repeat.
            }
        }
    }

    private async Task<IReadOnlyList<PersonClaim>> HoldersAsync(string[] idNumbers)
    {
        await using var command = database.CreateCommand(HoldersSql);
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, idNumbers);
        var found = new Dictionary<string, PersonClaim>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var claim = new PersonClaim(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
            found[claim.IdNumber] = claim;
        }

        return idNumbers.Select(id => found.GetValueOrDefault(id) ?? new PersonClaim(id, null, default)).ToList();
    }

    /// <inheritdoc/>
    public async Task<bool> TakeOverAsync(string idNumber, string from, string householdId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand(
            "UPDATE platform_person_claim SET household_id = $4, claimed_at = $5 " +
            "WHERE service_id = $1 AND id_number = $2 AND household_id = $3");
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(idNumber);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(householdId);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string householdId, IReadOnlyCollection<string> idNumbers)
    {
        if (idNumbers.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand(
            "DELETE FROM platform_person_claim WHERE service_id = $1 AND household_id = $2 AND id_number = ANY($3)");
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(householdId);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, idNumbers.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc/>
    public async Task<PersonClaim?> FindAsync(string idNumber)
    {
        await using var command = database.CreateCommand(
            "SELECT household_id, claimed_at FROM platform_person_claim WHERE service_id = $1 AND id_number = $2");
        command.Parameters.AddWithValue(ServiceId);
        command.Parameters.AddWithValue(idNumber);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PersonClaim(idNumber, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }
}
