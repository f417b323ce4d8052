# obsfacts language data: Kazakh (Cyrillic and Latin script).
#
# The format is that of en.lex.

[list grammar]
group_before_count

# ---- months ----------------------------------------------------------------------
[month]
қаңтар = 1 | ақпан = 2 | наурыз = 3 | сәуір = 4 | мамыр = 5 | маусым = 6 | шілде = 7 | тамыз = 8
қыркүйек = 9 | қазан = 10 | қараша = 11 | желтоқсан = 12

# ---- detection -------------------------------------------------------------------
# Common Kazakh words, in Cyrillic and in the Latin script of qz.inform.kz.
[list detect_cues]
және | мен | бойынша | бұл | деп | үшін | сайлау | байқаушы
[list detect_cues_latin]
jáne | men | boıynsha | bul | dep | úshin | saılaý | baıqaýshy | qazaqstan
