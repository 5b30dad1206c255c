using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace StudyHub.Kernel.Data;

/// <summary>
/// Every instant is stored as UTC <see cref="DateTime"/> (SQLite cannot order DateTimeOffset; Npgsql
/// wants Kind=Utc for timestamptz). SQLite hands values back as Unspecified, so mark them UTC on read.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
