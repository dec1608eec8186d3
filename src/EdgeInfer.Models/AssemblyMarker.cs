namespace EdgeInfer.Models;
internal static class AssemblyMarker { }
