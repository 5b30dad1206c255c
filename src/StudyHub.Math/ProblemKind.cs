namespace StudyHub.Math;

public enum ProblemKind
{
    Arithmetic,
    Evaluate,
    Simplify,
    Expand,
    Factor,
    LinearEquation,
    LinearInequality,
    QuadraticEquation,
    PolynomialEquation,
    System,
    SolveFor,
    Derivative,
    QuadraticInequality,
    AbsoluteValueEquation,
    ExponentialEquation,
    LogarithmicEquation,
    AbsoluteValueInequality,
}
