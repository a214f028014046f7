namespace OrleansPlatform.Areas;

/// <summary>The level of an administrative area, from the province down to the village.</summary>
public enum AreaLevel
{
    /// <summary>Province (省), e.g. Shaanxi.</summary>
    Province = 1,

    /// <summary>Prefecture-level city (市), e.g. Tongchuan.</summary>
    City = 2,

    /// <summary>County-level division (县/区), e.g. Yaozhou District.</summary>
    County = 3,

    /// <summary>Town or township (乡/镇).</summary>
    Town = 4,

    /// <summary>Administrative village (村).</summary>
    Village = 5,
}
