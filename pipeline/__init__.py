"""brief: a folder of articles + a YAML outline -> a print-ready, cited PDF brief."""
