namespace OrleansPlatform.Access;

/// <summary>What an account may do; where it may do it is its area.</summary>
public enum Role
{
    /// <summary>Runs the platform: every area, accounts of every role; sees personal data masked.</summary>
    SystemAdmin = 1,

    /// <summary>Administers a province, city, county or town: reads and writes there, manages its accounts, reads its audit log.</summary>
    AreaAdmin = 2,

    /// <summary>Village or town cadre who registers and updates households.</summary>
    DataEntry = 3,

    /// <summary>Reads figures and records of the area, personal data masked.</summary>
    Viewer = 4,

    /// <summary>Supervises officials: reads everything in the area, including the audit log, personal data masked.</summary>
    Auditor = 5,

    /// <summary>Manages their own cooperatives only.</summary>
    CooperativeManager = 6,

    /// <summary>Operates a village e-commerce station.</summary>
    StationOperator = 7,
}
