{
  "targets": [
    {
      "target_name": "proc_events",
      "sources": ["proc_events.c"],
      "cflags": ["-std=gnu11", "-O2", "-Wall", "-Wextra"]
    }
  ]
}
