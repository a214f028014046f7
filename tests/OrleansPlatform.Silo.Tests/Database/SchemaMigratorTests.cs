using Npgsql;
using OrleansPlatform.Silo.Database;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Database;

public class SchemaMigratorTests
{
    [Fact]
    public async Task A_new_database_gets_every_migration_and_a_second_run_changes_nothing()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("migrate", migrate: false);
        var lines = new List<string>();
        var migrator = new SchemaMigrator(database.ConnectionString) { Log = lines.Add };

        var first = await migrator.MigrateAsync();
        var fingerprint = await SchemaFingerprintAsync(database);
        var second = await migrator.MigrateAsync();

        Assert.Equal(Migration.Embedded.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Empty(second.Applied);
        Assert.True(second.NothingToDo);
        Assert.Equal(fingerprint, await SchemaFingerprintAsync(database));
        Assert.Contains(lines, l => l.Contains("nothing to do", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_creates_the_database_when_it_does_not_exist()
    {
        var name = $"test_created_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = name }.ConnectionString;
        await using var database = new TestDatabase(name, connectionString);

        var report = await new SchemaMigrator(connectionString).MigrateAsync();

        Assert.True(report.DatabaseCreated);
        Assert.Equal(Migration.Embedded.Count, report.Applied.Count);
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_migration_exactly_once()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("concurrent", migrate: false);

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(database.ConnectionString).MigrateAsync()));

        Assert.Equal(Migration.Embedded.Count, reports.Sum(r => r.Applied.Count));
        Assert.Equal((long)Migration.Embedded.Count, await database.ScalarAsync<long>("SELECT count(*) FROM platform_schema_migrations"));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_reported_not_ignored()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("edited", migrate: false);
        var original = new Migration(1, "first", "CREATE TABLE t1 (id int);");
        await new SchemaMigrator(database.ConnectionString, [original]).MigrateAsync();

        var edited = new Migration(1, "first", "CREATE TABLE t1 (id bigint);");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new SchemaMigrator(database.ConnectionString, [edited]).MigrateAsync());

        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_later_ones_are_not_applied()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("failing", migrate: false);
        Migration[] migrations =
        [
            new(1, "good", "CREATE TABLE good (id int);"),
            new(2, "bad", "CREATE TABLE half (id int); SELECT no_such_function();"),
            new(3, "later", "CREATE TABLE later (id int);"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => new SchemaMigrator(database.ConnectionString, migrations).MigrateAsync());

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM platform_schema_migrations"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('half', 'later')"));
    }

    [Fact]
    public async Task Every_timestamp_column_is_timestamptz()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("types");

        var naive = await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'");
        var aware = await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'");

        Assert.Equal(0, naive);
        Assert.True(aware >= 5);
    }

    private static Task<string?> SchemaFingerprintAsync(TestDatabase database) => database.ScalarAsync<string>("""
        SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
               || '|' || (SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) FROM platform_schema_migrations)
               || '|' || (SELECT md5(string_agg(querykey || querytext, ',' ORDER BY querykey)) FROM orleansquery)
          FROM information_schema.columns WHERE table_schema = 'public'
        """);
}
