"""Scale-out: the same pipeline on Ray Data actors (`ray_engine`), rows that cross process
boundaries (`rows`), and where results go (`sinks`). Needs the optional extra `flashpoint[ray]`."""
