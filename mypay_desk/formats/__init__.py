"""Pure readers and writers of the outside world's files. Bytes in, domain records out."""
