"""Week 11: the background processing pipeline.

``outbox`` (messages written in the business change's transaction), ``relay`` (outbox -> Celery),
``worker`` (the Celery app, its tasks and the Beat schedule), ``mail`` (templates and SMTP),
``dead_letters`` (permanent failures, kept and replayable), ``reports`` (the export) and
``router`` (report status and the admin's view of the pipeline).
"""
