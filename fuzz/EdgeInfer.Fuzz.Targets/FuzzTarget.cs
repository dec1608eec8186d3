namespace EdgeInfer.Fuzz.Targets;

/// <summary>Feeds one fuzz input to a parser; returns normally for accepted and for documented bad input alike.</summary>
/// <param name="input">The input bytes.</param>
public delegate void FuzzInput(ReadOnlySpan<byte> input);

/// <summary>
/// One fuzz target: a parser driven with arbitrary bytes. Only the parser's documented bad-input exceptions are caught
/// inside <see cref="Run"/>; anything else (an index, null, overflow or out-of-memory error, an undocumented exception)
/// escapes and is a finding.
/// </summary>
/// <param name="Name">The name given to <c>scripts/fuzz.sh</c> and the seed folder <c>fuzz/corpus/NAME</c>.</param>
/// <param name="Parser">What it drives, for reports.</param>
/// <param name="Run">Runs one input.</param>
public sealed record FuzzTarget(string Name, string Parser, FuzzInput Run);
