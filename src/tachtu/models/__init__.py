"""Model files shipped with tachtu (data only; rebuilt by ``tachtu train``, see README)."""
