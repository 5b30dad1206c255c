using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Algebra;

/// <summary>
/// Exact sin, cos and tan at the standard angles (multiples of 30° and 45°), from the unit circle:
/// the first-quadrant values and the sign of each quadrant. Other angles have no exact form the
/// engine can write, so they are refused rather than approximated.
/// </summary>
internal static class ExactTrig
{
    public static ExactNumber Value(FunctionName function, Rational degrees)
    {
        if (!degrees.IsInteger || (degrees.Numerator % 30 != 0 && degrees.Numerator % 45 != 0))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Exact values are known at multiples of 30° and 45°, not at {degrees}°.");
        }

        var angle = (int)(((degrees.Numerator % 360) + 360) % 360);
        var sin = Sin(angle);
        var cos = Sin((angle + 90) % 360);
        return function switch
        {
            FunctionName.Sin => sin,
            FunctionName.Cos => cos,
            _ when cos.IsZero => throw new MathEngineException(ErrorCodes.DivisionByZero, $"tan({degrees}°) is undefined (cos({degrees}°) = 0)."),
            _ => sin * cos.Reciprocal(),
        };
    }

    private static ExactNumber Sin(int angle)
    {
        // sin in the first quadrant: 0, 1/2, √2/2, √3/2, 1 at 0°, 30°, 45°, 60°, 90°.
        var reference = angle switch
        {
            <= 90 => angle,
            <= 180 => 180 - angle,
            <= 270 => angle - 180,
            _ => 360 - angle,
        };
        ExactNumber value = reference switch
        {
            0 => Rational.Zero,
            30 => new Rational(1, 2),
            45 => ExactNumber.Sqrt(new Rational(1, 2)),
            60 => ExactNumber.Sqrt(new Rational(3, 4)),
            _ => Rational.One,
        };
        return angle > 180 ? -value : value;
    }
}
