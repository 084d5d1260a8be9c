module flagstaff.dev/go-oracle

go 1.19
