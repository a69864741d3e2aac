"""Engines that run extraction somewhere other than this process (Dask)."""
