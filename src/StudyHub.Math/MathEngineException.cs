namespace StudyHub.Math;

/// <summary>
/// The only exception the engine lets escape. <see cref="Code"/> is stable so callers can map it
/// to a message or an HTTP status without parsing text.
/// </summary>
public sealed class MathEngineException : Exception
{
    public MathEngineException(string code, string message, int? position = null)
        : base(message)
    {
        Code = code;
        Position = position;
    }

    public MathEngineException()
        : this(ErrorCodes.Internal, "Math engine error.")
    {
    }

    public MathEngineException(string message)
        : this(ErrorCodes.Internal, message)
    {
    }

    public MathEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.Internal;
    }

    public MathEngineException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>not_understood / unsupported: the word that was refused, as the student wrote it.</summary>
    public string? Word { get; init; }

    /// <summary>not_understood: the closest word the engine knows ("did you mean …"), when one is close.</summary>
    public string? Suggestion { get; init; }

    /// <summary>1-based character position in the text the student gave, when the error has one.</summary>
    public int? Position { get; }
}

public static class ErrorCodes
{
    public const string UnexpectedToken = "parse.unexpected_token";
    public const string UnexpectedEnd = "parse.unexpected_end";
    public const string UnknownSymbol = "parse.unknown_symbol";
    public const string EmptyInput = "parse.empty";
    public const string InputLength = "budget.input_length";
    public const string Depth = "budget.depth";
    public const string Digits = "budget.digits";
    public const string Exponent = "budget.exponent";
    public const string Terms = "budget.terms";
    public const string Steps = "budget.steps";
    public const string DivisionByZero = "domain.division_by_zero";
    public const string ZeroToZero = "domain.zero_to_zero";
    public const string NegativeRoot = "domain.negative_root";
    public const string LogOfNonPositive = "domain.log_non_positive";
    public const string Unsupported = "unsupported";

    /// <summary>A word the engine does not know (see <see cref="MathEngineException.Word"/> and <see cref="MathEngineException.Suggestion"/>).</summary>
    public const string NotUnderstood = "not_understood";
    public const string OutOfRange = "request.out_of_range";
    public const string Internal = "internal";
}
