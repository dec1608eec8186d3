namespace EdgeInfer.Runtime;
internal static class AssemblyMarker { }
