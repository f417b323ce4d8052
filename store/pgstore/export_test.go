package pgstore

// Kill ends the Store as kill -9 ends its process: the heartbeat stops and
// the connections close, and nothing is written.
func (s *Store) Kill() {
	s.mu.Lock()
	w := s.worker
	s.worker = nil
	s.mu.Unlock()
	if w != nil {
		close(w.stop)
		<-w.done
	}
	s.pool.Close()
}
