namespace EdgeInfer.Core;

/// <summary>
/// Work rejected because of its input (a bad scenario, an unknown model, a corrupt model file, a value out of range).
/// The message names the problem and what is allowed; hosts map it to exit code 2 or HTTP 4xx.
/// </summary>
public class EdgeInferInputException : Exception
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public EdgeInferInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and the exception that caused it.</summary>
    public EdgeInferInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public EdgeInferInputException()
    {
    }
}
