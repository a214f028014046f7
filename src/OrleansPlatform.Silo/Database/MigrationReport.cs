namespace OrleansPlatform.Silo.Database;

/// <summary>What a migration run did.</summary>
/// <param name="Applied">Migrations applied by this run, in order.</param>
/// <param name="CurrentVersion">The schema version after the run.</param>
/// <param name="DatabaseCreated">True when the run had to create the database itself.</param>
public sealed record MigrationReport(IReadOnlyList<Migration> Applied, int CurrentVersion, bool DatabaseCreated)
{
    /// <summary>True when the schema was already up to date.</summary>
    public bool NothingToDo => Applied.Count == 0 && !DatabaseCreated;
}
