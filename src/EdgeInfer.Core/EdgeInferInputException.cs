namespace EdgeInfer.Core;

/// <summary>
/// Work rejected because of its input (a bad scenario, an unknown model, a corrupt model file, a value out of range).
/// The message names the problem and what is allowed; hosts map it to exit code 2 or HTTP 4xx.
/// </summary>
public class EdgeInferInputException : Exception
{
    public EdgeInferInputException(string message)
        : base(message)
    {
    }

    public EdgeInferInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EdgeInferInputException()
    {
    }
}
