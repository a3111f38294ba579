"""Bringing articles in: files of any common format, links, feeds, folders and zips, without duplicates."""
