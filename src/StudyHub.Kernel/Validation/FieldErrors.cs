using StudyHub.Kernel.Errors;

namespace StudyHub.Kernel.Validation;

/// <summary>Collects every invalid field of a request so the caller hears about all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _errors[field] = reasons;
        }

        reasons.Add(reason);
        return this;
    }

    /// <summary>Adds an error when the value is missing or blank, or longer than <paramref name="maxLength"/>.</summary>
    public FieldErrors RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
