"""What the graph is: where its files live, how they are read, its namespaces."""
