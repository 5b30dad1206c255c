using System.Globalization;

namespace StudyHub.Kernel.Time;

/// <summary>A time zone as people recognise it: "Central European Time — Berlin", stored as its IANA id.</summary>
public sealed record TimeZoneChoice(string Id, string Label, TimeSpan Offset);

/// <summary>
/// The time zones a person can pick, from the server's own time-zone database, named the way
/// people know them (the zone's generic name and its city) rather than by IANA id.
/// </summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<TimeZoneChoice>> All = new(Build);

    public static IReadOnlyList<TimeZoneChoice> List => All.Value;

    public static bool IsKnown(string? id) =>
        id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The label for a stored id (falls back to the id for a zone outside the list).</summary>
    public static string LabelFor(string id) =>
        List.FirstOrDefault(c => c.Id == id)?.Label ?? id;

    private static List<TimeZoneChoice> Build()
    {
        var choices = new List<TimeZoneChoice> { new("UTC", "Coordinated Universal Time (UTC)", TimeSpan.Zero) };
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            // Region/City ids only: skips aliases like "EST5EDT", "Etc/GMT+3" and legacy country ids.
            var slash = zone.Id.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || zone.Id.StartsWith("Etc/", StringComparison.Ordinal) || zone.Id.StartsWith("SystemV/", StringComparison.Ordinal)
                || !char.IsUpper(zone.Id[0]) || zone.Id is "US/Pacific-New")
            {
                continue;
            }

            var city = zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ');
            choices.Add(new TimeZoneChoice(zone.Id, $"{GenericName(zone)} — {city} ({Offset(zone.BaseUtcOffset)})", zone.BaseUtcOffset));
        }

        return [.. choices.DistinctBy(c => c.Id).OrderBy(c => c.Offset).ThenBy(c => c.Label, StringComparer.Ordinal)];
    }

    // ICU's display name reads "(UTC+01:00) Central European Time (Berlin)"; keep the generic part.
    private static string GenericName(TimeZoneInfo zone)
    {
        var name = zone.DisplayName;
        if (name.StartsWith("(UTC", StringComparison.Ordinal) && name.IndexOf(") ", StringComparison.Ordinal) is > 0 and var close)
        {
            name = name[(close + 2)..];
        }

        if (name.EndsWith(')') && name.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open)
        {
            name = name[..open];
        }

        return string.IsNullOrWhiteSpace(name) || name == zone.Id ? zone.StandardName : name;
    }

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
