-- CreateIndex
CREATE INDEX "RecordingSession_durationMs_id_idx" ON "RecordingSession"("durationMs", "id");

-- CreateIndex
CREATE INDEX "RecordingSession_errorCount_id_idx" ON "RecordingSession"("errorCount", "id");

-- CreateIndex
CREATE INDEX "ReplayView_sessionId_viewerId_at_idx" ON "ReplayView"("sessionId", "viewerId", "at");

