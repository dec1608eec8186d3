// Several tests create real CPU contention (edge load) or compare timings side by side; running test classes
// in parallel would load the machine behind their back.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
