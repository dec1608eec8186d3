namespace EdgeInfer.Reporting; internal static class Placeholder { }
