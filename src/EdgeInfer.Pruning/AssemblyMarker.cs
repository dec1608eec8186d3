namespace EdgeInfer.Pruning;
internal static class AssemblyMarker { }
