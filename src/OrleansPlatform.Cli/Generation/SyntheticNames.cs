namespace OrleansPlatform.Cli.Generation;

/// <summary>Pinyin-like placeholder names for places and people; invented, never taken from records.</summary>
internal static class SyntheticNames
{
    private static readonly string[] Syllables =
    [
        "an", "bai", "bao", "chang", "chun", "dan", "dong", "feng", "fu", "gu", "guang", "he", "hong", "hua",
        "jia", "jin", "kang", "lan", "le", "lin", "ling", "long", "luo", "mei", "ming", "ning", "ping", "qiao",
        "qing", "rui", "shan", "shi", "shui", "tai", "tian", "wen", "xi", "xia", "xin", "yang", "yi", "yong",
        "yu", "yun", "ze", "zhen", "zhi", "zhu",
    ];

    private static readonly string[] Surnames =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu",
        "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Song", "Tang", "Han", "Feng", "Cao", "Du",
    ];

    /// <summary>A place name such as "Qingshan Town", different from every name in <paramref name="taken"/> (which it joins).</summary>
    public static string Place(Random random, string suffix, HashSet<string> taken)
    {
        while (true)
        {
            var name = $"{Capitalized(random.OneOf(Syllables))}{random.OneOf(Syllables)} {suffix}";
            if (taken.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>A surname.</summary>
    public static string Surname(Random random) => random.OneOf(Surnames);

    /// <summary>A full name with the given surname and a one- or two-syllable given name.</summary>
    public static string Person(Random random, string surname) =>
        random.Chance(0.7)
            ? $"{surname} {Capitalized(random.OneOf(Syllables))}{random.OneOf(Syllables)}"
            : $"{surname} {Capitalized(random.OneOf(Syllables))}";

    private static string Capitalized(string syllable) => string.Concat(char.ToUpperInvariant(syllable[0]).ToString(), syllable.AsSpan(1));
}
