using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Device.Planning;

/// <summary>What <see cref="OverheadProbe"/> measured.</summary>
/// <param name="Request">Per offloaded request, beyond T_in + T_inf,e + T_res.</param>
/// <param name="Download">Per model download, beyond T_req + T_model.</param>
/// <param name="RequestProbes">Inference probes made.</param>
/// <param name="DownloadProbes">Download probes made.</param>
/// <param name="DownloadProbeBytes">Bytes each download probe fetched.</param>
public sealed record MeasuredOverheads(Seconds Request, Seconds Download, int RequestProbes, int DownloadProbes, long DownloadProbeBytes);
