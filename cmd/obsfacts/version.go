package main

import "github.com/obsfacts/obsfacts/extract"

func versionString() string {
	return "obsfacts (extractor " + extract.Version + ")"
}
